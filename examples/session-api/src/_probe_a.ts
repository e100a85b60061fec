import { b } from './_probe_b.ts';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
const x: string = 'hi';
console.log(x, b, typeof DynamoDBClient, typeof DynamoDBDocumentClient, typeof GetCommand, randomUUID());
