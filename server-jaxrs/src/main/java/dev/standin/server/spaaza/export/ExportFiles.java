package dev.standin.server.spaaza.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.standin.server.spaaza.store.SpaazaStore;
import dev.standin.spaaza.model.ExportFormat;
import dev.standin.spaaza.model.ExportIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Export result files: their names ({@code Wallet_Export-12345.csv}), writing them (CSV with a
 * header row, or a JSON array) and finding them again. They are kept in the database (the store's
 * {@code spaaza_results}), so every server instance on a shared database serves a file that any of
 * them exported; a file goes with its task.
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

  private static final Logger LOG = LoggerFactory.getLogger(ExportFiles.class);

  /** Only names this class hands out are ever looked up; the digits are the task's ID. */
  private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z_]+-(\\d{1,18})\\.(csv|json)");

  private final SpaazaStore store;
  private final ObjectMapper json;
  private final CsvMapper csv = new CsvMapper();

  public ExportFiles(SpaazaStore store, ObjectMapper json) {
    this.store = store;
    this.json = json;
  }

  public static String fileName(ExportIndex index, long taskId, ExportFormat format) {
    return FILE_PREFIX.get(index) + "-" + taskId + "." + format.getValue();
  }

  /**
   * Stores the rows as the task's result, replacing the previous one of that name in one write (a
   * reader never sees half a file), and returns the file's name.
   */
  public String write(
      long taskId, ExportIndex index, ExportFormat format, List<Map<String, Object>> rows) {
    String name = fileName(index, taskId, format);
    try {
      store.putResult(
          name, taskId, format == ExportFormat.CSV ? toCsv(rows) : json.writeValueAsBytes(rows));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + name, e);
    }
    return name;
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
    return FILE_NAME.matcher(name).matches() ? store.findResult(name) : Optional.empty();
  }

  public void delete(String name) {
    if (name != null && FILE_NAME.matcher(name).matches()) {
      store.deleteResult(name);
    }
  }

  /**
   * Moves result files that an earlier version wrote to {@code folder} (the data directory's {@code
   * spaaza-results}) into the store, so their links keep working: each file whose task still exists
   * and that the store does not hold yet is stored, then deleted from the folder. Files of tasks
   * that are gone stay where they are (and are logged).
   */
  public void importFolder(Path folder) {
    if (!Files.isDirectory(folder)) {
      return;
    }
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        Matcher m = FILE_NAME.matcher(name);
        if (!m.matches() || !Files.isRegularFile(file)) {
          continue;
        }
        try {
          if (!store.hasResult(name)) {
            store.putResult(name, Long.parseLong(m.group(1)), Files.readAllBytes(file));
          }
          Files.delete(file);
        } catch (RuntimeException e) {
          LOG.warn("Spaaza result {} not moved into the database (its task is gone?)", file, e);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot move the result files of " + folder, e);
    }
    try {
      Files.deleteIfExists(folder); // only when empty
    } catch (IOException notEmpty) {
      // files of deleted tasks remain: logged above
    }
  }
}
