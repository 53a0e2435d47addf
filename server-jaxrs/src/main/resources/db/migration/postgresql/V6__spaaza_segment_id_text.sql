-- trigger.segment_id is a string (as in the vendor's examples; it was an integer): stored numbers
-- become the same digits as a JSON string, so every stored task still reads.
UPDATE spaaza_tasks
   SET body = jsonb_set(body::jsonb, '{trigger,segment_id}',
                        to_jsonb(body::jsonb #>> '{trigger,segment_id}'))::text
 WHERE jsonb_typeof(body::jsonb #> '{trigger,segment_id}') = 'number';
