package dev.standin.server.spaaza.export;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.standin.spaaza.model.ExportIndex;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sample data shipped with the server ({@code /spaaza/fixtures/<index>.json}): the same few rows
 * for every chain, each stamped with the exporting chain's ID as its first column.
 */
public final class FixtureExportSource implements ExportSource {

  private static final TypeReference<List<LinkedHashMap<String, Object>>> ROWS =
      new TypeReference<>() {};

  private final ObjectMapper mapper;

  public FixtureExportSource(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public List<Map<String, Object>> rows(long chainId, ExportIndex index) {
    String resource = "/spaaza/fixtures/" + index.getValue() + ".json";
    try (InputStream in = FixtureExportSource.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no fixture " + resource);
      }
      List<Map<String, Object>> rows = new ArrayList<>();
      for (Map<String, Object> fixture : mapper.readValue(in, ROWS)) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("chain_id", chainId);
        row.putAll(fixture);
        rows.add(row);
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read fixture " + resource, e);
    }
  }
}
