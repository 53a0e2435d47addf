package dev.standin.server.spaaza.export;

import dev.standin.spaaza.model.ExportIndex;
import java.util.List;
import java.util.Map;

/** Where an export's rows come from. Pluggable: the default serves fixtures. */
public interface ExportSource {

  /** The rows of {@code index} for {@code chainId}, each a flat map of column → value. */
  List<Map<String, Object>> rows(long chainId, ExportIndex index);
}
