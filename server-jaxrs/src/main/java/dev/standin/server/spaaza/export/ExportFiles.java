package dev.standin.server.spaaza.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.standin.spaaza.model.ExportFormat;
import dev.standin.spaaza.model.ExportIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Export result files: their names ({@code Wallet_Export-12345.csv}), writing them (CSV with a
 * header row, or a JSON array) and finding them again, all in one folder under the data directory.
 */
public final class ExportFiles {

  /**
   * The vendor's names, singular ({@code Transaction_Export}); the product indexes, which the
   * vendor shows no name for, by the same rule (ADR 0029).
   */
  private static final Map<ExportIndex, String> FILE_PREFIX =
      Map.of(
          ExportIndex.TRANSACTIONS, "Transaction_Export",
          ExportIndex.USERS, "User_Export",
          ExportIndex.VOUCHERS, "Voucher_Export",
          ExportIndex.WALLET_LEDGER, "Wallet_Export",
          ExportIndex.PRODUCTS, "Product_Export",
          ExportIndex.PRODUCT_VARIANTS, "Product_Variant_Export");

  /** Only names this class hands out are ever opened: no path tricks through a download link. */
  private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z_]+-\\d+\\.(csv|json)");

  private final Path folder;
  private final ObjectMapper json;
  private final CsvMapper csv = new CsvMapper();

  public ExportFiles(Path folder, ObjectMapper json) {
    this.folder = folder;
    this.json = json;
  }

  public static String fileName(ExportIndex index, long taskId, ExportFormat format) {
    return FILE_PREFIX.get(index) + "-" + taskId + "." + format.getValue();
  }

  /** Writes the rows atomically (a reader never sees half a file) and returns the file's name. */
  public String write(
      long taskId, ExportIndex index, ExportFormat format, List<Map<String, Object>> rows) {
    String name = fileName(index, taskId, format);
    try {
      Files.createDirectories(folder);
      Path partial = Files.createTempFile(folder, name, ".partial");
      try {
        Files.write(
            partial, format == ExportFormat.CSV ? toCsv(rows) : json.writeValueAsBytes(rows));
        Files.move(
            partial,
            folder.resolve(name),
            StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(partial);
      }
      return name;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + name, e);
    }
  }

  /**
   * One line per row under a header of every column any row has, in the order they first appear; a
   * nested document becomes one column per field ({@code address.city}), a list its JSON text.
   */
  private byte[] toCsv(List<Map<String, Object>> rows) throws IOException {
    List<Map<String, Object>> flat = new ArrayList<>();
    Set<String> columns = new LinkedHashSet<>();
    for (Map<String, Object> row : rows) {
      Map<String, Object> line = new LinkedHashMap<>();
      flatten("", row, line);
      columns.addAll(line.keySet());
      flat.add(line);
    }
    CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
    columns.forEach(schema::addColumn);
    return csv.writer(schema.build()).writeValueAsBytes(flat);
  }

  private void flatten(String prefix, Map<?, ?> document, Map<String, Object> line)
      throws IOException {
    for (Map.Entry<?, ?> field : document.entrySet()) {
      String column = prefix + field.getKey();
      Object value = field.getValue();
      if (value instanceof Map<?, ?> nested) {
        flatten(column + ".", nested, line);
      } else if (value instanceof List<?>) {
        line.put(column, json.writeValueAsString(value));
      } else {
        line.put(column, value);
      }
    }
  }

  /** The file's content, when {@code name} is a result file name and the file exists. */
  public Optional<byte[]> read(String name) {
    if (!FILE_NAME.matcher(name).matches()) {
      return Optional.empty();
    }
    try {
      Path file = folder.resolve(name);
      return Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
  }

  public void delete(String name) {
    if (name == null || !FILE_NAME.matcher(name).matches()) {
      return;
    }
    try {
      Files.deleteIfExists(folder.resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + name, e);
    }
  }
}
