import { requestText } from '../../net/requestText';

/** An error answer from the DynamoDB API, e.g. ResourceNotFoundException. */
export class AwsApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly statusCode: number,
  ) {
    super(message);
  }

  /** How ACK words AWS errors in its conditions: `api error <Code>: <message>`. */
  get ackMessage(): string {
    return `api error ${this.code}: ${this.message}`;
  }
}

/**
 * A minimal DynamoDB JSON-protocol client for the ACK controller. Dynalite checks that a request
 * looks signed but not the signature itself, so a well-formed placeholder header is enough.
 */
export class DynamoDbApi {
  constructor(
    private readonly endpoint: string,
    private readonly region: string,
  ) {}

  async call<T = any>(
    operation: string,
    body: Record<string, unknown>,
  ): Promise<T> {
    const amzDate = new Date()
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d{3}/, '');
    const res = await requestText(this.endpoint, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-amz-json-1.0',
        'X-Amz-Target': `DynamoDB_20120810.${operation}`,
        'X-Amz-Date': amzDate,
        Authorization: `AWS4-HMAC-SHA256 Credential=sandbox/${amzDate.slice(
          0,
          8,
        )}/${
          this.region
        }/dynamodb/aws4_request, SignedHeaders=host;x-amz-date;x-amz-target, Signature=0000`,
      },
      body: JSON.stringify(body),
    });
    const answer = JSON.parse(res.text);
    if (res.status < 200 || res.status > 299) {
      const code = String(answer.__type ?? 'UnknownError')
        .split('#')
        .pop()!;
      throw new AwsApiError(
        code,
        answer.message ?? answer.Message ?? code,
        res.status,
      );
    }
    return answer as T;
  }
}
