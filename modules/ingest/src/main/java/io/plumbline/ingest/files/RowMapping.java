package io.plumbline.ingest.files;

import org.apache.avro.specific.SpecificRecord;

/** Turns a row into a record and names its key. */
interface RowMapping<R extends SpecificRecord> {

  R map(Row row) throws RowException;

  String key(R record);
}
