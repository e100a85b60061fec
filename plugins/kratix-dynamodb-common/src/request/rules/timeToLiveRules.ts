/**
 * Time to live reads a Number holding the expiry in epoch seconds. An attribute that is also
 * a key has its type fixed by attributeDefinitions; if that type is not N, TTL can never fire.
 */
import type { CrossFieldRule } from './rule';

export const timeToLiveTypeRule: CrossFieldRule = spec => {
  const name = spec.timeToLiveAttributeName;
  const definition = spec.attributeDefinitions?.find(d => d.name === name);
  if (name === undefined || !definition?.type || definition.type === 'N') {
    return [];
  }
  return [
    {
      path: 'timeToLive.attributeName',
      message: `'${name}' is defined with type ${definition.type}, but time to live needs a Number (N) attribute holding the expiry in epoch seconds: use another attribute, or define '${name}' as N`,
    },
  ];
};
