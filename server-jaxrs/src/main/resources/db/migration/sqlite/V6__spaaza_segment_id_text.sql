-- trigger.segment_id is a string (as in the vendor's examples; it was an integer): stored numbers
-- become the same digits as a JSON string, so every stored task still reads.
UPDATE spaaza_tasks
   SET body = json_set(body, '$.trigger.segment_id',
                       CAST(json_extract(body, '$.trigger.segment_id') AS TEXT))
 WHERE json_type(body, '$.trigger.segment_id') IN ('integer', 'real');
