import { redactText } from './redactText';

describe('redactText', () => {
  it.each([
    [
      'AccessDeniedException: User: arn:aws:sts::123456789012:assumed-role/ack-dynamodb/ack is not authorized',
      'AccessDeniedException: User: [arn] is not authorized',
    ],
    [
      'unable to assume role arn:aws-us-gov:iam::210987654321:role/team-b-ack, account 210987654321',
      'unable to assume role [arn], account [account]',
    ],
    [
      'dynamodbrequests is forbidden: User "system:serviceaccount:backstage:backstage-reader" cannot list',
      'dynamodbrequests is forbidden: User "system:serviceaccount:[service account]" cannot list',
    ],
    [
      'dial tcp 10.96.12.7:8080: connect: connection refused',
      'dial tcp [ip]: connect: connection refused',
    ],
    [
      'upstream fd00:10:96::a1 and 2001:db8:0:0:0:0:2:1 unreachable',
      'upstream [ip] and [ip] unreachable',
    ],
    [
      'GET http://session-api.team-b.svc.cluster.local/ready from ip-10-0-1-5.ec2.internal',
      'GET http://[internal host]/ready from [internal host]',
    ],
    [
      'credentials AKIAIOSFODNN7EXAMPLE for serviceAccountName: ack-dynamodb-controller',
      'credentials [access key] for serviceAccountName: [service account]',
    ],
  ])('takes the secret parts out of %j', (text, expected) => {
    expect(redactText(text)).toBe(expected);
  });

  it('leaves ordinary status texts alone', () => {
    for (const text of [
      'Table orders-table is ACTIVE since 2026-01-02T12:30:45Z',
      'ReadCapacityUnits 1000 exceed the cap of 500',
      "The service runs but is not ready: check the service account's AWS credentials and region",
      'v1.9.2 of the controller; 3 of 3 replicas',
    ]) {
      expect(redactText(text)).toBe(text);
    }
  });
});
