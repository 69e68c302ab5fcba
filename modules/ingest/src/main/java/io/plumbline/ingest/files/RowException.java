package io.plumbline.ingest.files;

/** A row that cannot become a record; the message names the column and what is wrong. */
final class RowException extends Exception {

  private static final long serialVersionUID = 1L;

  RowException(String reason) {
    super(reason);
  }
}
