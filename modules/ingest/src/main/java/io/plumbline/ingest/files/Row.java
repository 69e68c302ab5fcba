package io.plumbline.ingest.files;

import java.util.Map;

/**
 * One row of an input file: where it starts ({@code line}, 1-based), its raw text (for the
 * dead-letter topic) and its fields by lower-case column name (blank fields absent).
 */
record Row(int line, String raw, Map<String, String> fields) {}
