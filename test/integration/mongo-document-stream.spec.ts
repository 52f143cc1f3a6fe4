import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { after, before, describe } from 'node:test';
import mongoose, { type Connection } from 'mongoose';
import { MongoDocumentStreamStore } from '../../src/infra/document-stream/mongo-document-stream.store';
import { documentStreamContract } from '../contracts/document-stream.contract';

const uri = process.env.MONGODB_URI;
const reason = 'MONGODB_URI is not set: no MongoDB server can be installed on this machine, so the Mongo adapter contract is skipped';
if (!uri) process.stdout.write(`# SKIP mongo document stream: ${reason}\n`);

describe('document stream contract: MongoDB adapter', { skip: uri ? false : reason }, () => {
  let connection: Connection;
  const ctx = { store: undefined as unknown as MongoDocumentStreamStore, businessA: randomUUID(), businessB: randomUUID() };
  before(async () => {
    connection = await mongoose.createConnection(uri!, { dbName: `chatgrow_test_${Date.now()}` }).asPromise();
    ctx.store = new MongoDocumentStreamStore(connection);
  });
  after(async () => {
    await connection?.dropDatabase();
    await connection?.close();
  });
  documentStreamContract(() => ctx);
});
