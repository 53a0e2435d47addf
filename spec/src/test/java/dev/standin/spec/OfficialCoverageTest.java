package dev.standin.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.core.util.Yaml;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Our bundled Apify document must hold every operation and every request/response property path of
 * the vendor's official document (the committed fact file), so that nothing an official client
 * sends or reads is missing from the contract.
 */
class OfficialCoverageTest {

  @Test
  void theApifySpecHasEveryOfficialOperationAndPropertyPath() {
    List<PropertyPaths.Entry> official = OfficialCoverage.facts("apify");
    assertThat(official).as(OfficialCoverage.resource("apify")).isNotNull().isNotEmpty();

    OfficialCoverage.Result result =
        OfficialCoverage.compare(
            official, PropertyPaths.of(Path.of("target/classes/openapi/apify.yaml")));

    assertThat(result.problems())
        .as(
            "official operations and property paths missing from our Apify spec (%d of %d paths"
                + " covered)",
            result.covered(), result.official().size())
        .isEmpty();
  }

  @Test
  void pathsFollowArraysMapsCombinatorsAndReferences() throws Exception {
    JsonNode doc =
        Yaml.mapper()
            .readTree(
                """
                openapi: 3.1.0
                paths:
                  /v2/acts/{id}:
                    put:
                      requestBody:
                        $ref: '#/components/requestBodies/Body'
                      responses:
                        '200':
                          content:
                            application/json:
                              schema: {$ref: '#/components/schemas/Thing'}
                        '400':
                          content:
                            application/json:
                              schema: {type: object, properties: {error: {type: string}}}
                components:
                  requestBodies:
                    Body:
                      content:
                        application/json:
                          schema:
                            type: object
                            properties:
                              tags:
                                type: [object, 'null']
                                additionalProperties: {properties: {buildId: {type: string}}}
                  schemas:
                    Thing:
                      required: [data]
                      properties:
                        data:
                          anyOf:
                            - $ref: '#/components/schemas/Thing'
                            - type: 'null'
                        list:
                          type: array
                          items:
                            oneOf:
                              - {properties: {a: {type: integer}}}
                              - allOf: [{properties: {b: {type: string, enum: [X, Y]}}}]
                """);

    List<String> lines = PropertyPaths.of(doc).stream().map(PropertyPaths.Entry::line).toList();

    assertThat(lines)
        .containsExactly(
            "PUT /v2/actors/{id}  operation  -  -",
            "PUT /v2/actors/{id}  request  tags  null|object",
            "PUT /v2/actors/{id}  request  tags{}.buildId  string",
            "PUT /v2/actors/{id}  response(200)  data  null|object required",
            "PUT /v2/actors/{id}  response(200)  list  array",
            "PUT /v2/actors/{id}  response(200)  list[].a  integer",
            "PUT /v2/actors/{id}  response(200)  list[].b  string enum(X,Y)");
  }
}
