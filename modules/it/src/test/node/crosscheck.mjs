// Confluent's official JavaScript client as an independent reader and writer of the Confluent wire
// format, driven by ConfluentClientCrossCheckIT.
//
// Reads one JSON request on stdin and prints one JSON answer on stdout:
//   {"registryUrl": "http://127.0.0.1:PORT/apis/ccompat/v7",
//    "read":  [{"topic": "t", "hex": "00000000012a..."}],
//    "write": [{"topic": "t", "subject": "t-value", "schema": "<Avro schema JSON>", "record": {...}}]}
//   -> {"read": [{"value": {...}}], "write": [{"id": 12, "hex": "..."}]}
//
// Reads use AvroDeserializer as a consumer would. Writes register the schema under the subject
// (what auto-registration does) and then serialize with AvroSerializer pinned to that schema id:
// the client's own autoRegisterSchemas path infers a schema from the JavaScript value (records
// named Record1, ...), so it cannot register a named contract schema.
import sr from '@confluentinc/schemaregistry';

const { AvroDeserializer, AvroSerializer, SchemaRegistryClient, SerdeType } = sr;

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk);
  }
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

async function main() {
  const request = await readStdin();
  const client = new SchemaRegistryClient({ baseURLs: [request.registryUrl], maxRetries: 0 });
  const answer = { read: [], write: [] };

  const deserializer = new AvroDeserializer(client, SerdeType.VALUE, {});
  for (const item of request.read ?? []) {
    const value = await deserializer.deserialize(item.topic, Buffer.from(item.hex, 'hex'));
    answer.read.push({ value });
  }

  for (const item of request.write ?? []) {
    const id = await client.register(item.subject, { schemaType: 'AVRO', schema: item.schema });
    const serializer = new AvroSerializer(client, SerdeType.VALUE, {
      autoRegisterSchemas: false,
      useSchemaId: id,
    });
    const bytes = await serializer.serialize(item.topic, item.record);
    answer.write.push({ id, hex: bytes.toString('hex') });
  }

  process.stdout.write(JSON.stringify(answer));
}

main().catch((error) => {
  process.stderr.write(`crosscheck failed: ${error?.stack ?? error}\n`);
  process.exit(1);
});
