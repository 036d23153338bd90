package dev.tracelane.bench.replay;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Comma-separated files with a header row. Columns are found by name, so readers accept any order and optional
 * columns simply missing; double-quoted cells are understood (a spreadsheet may have written the file).
 */
final class Csv {
    private Csv() {
    }

    /** A data row read against its file's header. */
    record Row(Path file, int line, Map<String, Integer> columns, List<String> cells) {

        /** @return the cell, or null when the column is absent or the cell empty */
        String get(String name) {
            Integer at = columns.get(name);
            if (at == null || at >= cells.size()) {
                return null;
            }
            String cell = cells.get(at).strip();
            return cell.isEmpty() ? null : cell;
        }

        String required(String name) {
            String value = get(name);
            if (value == null) {
                throw bad("missing " + name);
            }
            return value;
        }

        double number(String name) {
            try {
                return Double.parseDouble(required(name));
            } catch (NumberFormatException e) {
                throw bad(name + " is not a number");
            }
        }

        Double optionalNumber(String name) {
            String value = get(name);
            try {
                return value == null ? null : Double.valueOf(value);
            } catch (NumberFormatException e) {
                throw bad(name + " is not a number");
            }
        }

        IllegalArgumentException bad(String problem) {
            return new IllegalArgumentException(file + " line " + line + ": " + problem);
        }
    }

    /** Streams the data rows: a pings file has hundreds of thousands, there is no need to hold them as text. */
    static void read(Path file, List<String> requiredColumns, Consumer<Row> rows) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            if (header == null) {
                throw new IllegalArgumentException(file + " is empty; a header row is expected");
            }
            Map<String, Integer> columns = new HashMap<>();
            List<String> names = split(header.startsWith("\uFEFF") ? header.substring(1) : header);
            for (int i = 0; i < names.size(); i++) {
                columns.put(names.get(i).strip(), i);
            }
            for (String column : requiredColumns) {
                if (!columns.containsKey(column)) {
                    throw new IllegalArgumentException(file + " has no column " + column);
                }
            }
            int line = 1;
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                line++;
                if (!text.isBlank()) {
                    rows.accept(new Row(file, line, columns, split(text)));
                }
            }
        }
    }

    static List<String> split(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    /** One line of cells; null is an empty cell, and a cell with a comma or quote is quoted. */
    static String line(Object... cells) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            String cell = cells[i] == null ? "" : cells[i].toString();
            if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0) {
                out.append('"').append(cell.replace("\"", "\"\"")).append('"');
            } else {
                out.append(cell);
            }
        }
        return out.append('\n').toString();
    }
}
