/**
 * Wizard forms send an optional section the user skipped as an empty object (`{}`), a
 * time-to-live switch left off as `{ enabled: false }`, or an empty list. Those mean "not
 * given", so they are dropped here rather than reported as missing fields by the model.
 */
type Loose = Record<string, any>;

const isEmptyObject = (value: unknown) =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.keys(value).length === 0;

function withoutEmptyThroughput<T extends Loose>(section: T): T {
  if (!isEmptyObject(section.provisionedThroughput)) return section;
  const { provisionedThroughput: _skipped, ...rest } = section;
  return rest as T;
}

function withoutEmptyNonKeyAttributes(index: Loose): Loose {
  const projection = index.projection;
  if (
    !Array.isArray(projection?.nonKeyAttributes) ||
    projection.nonKeyAttributes.length > 0
  )
    return index;
  const { nonKeyAttributes: _skipped, ...rest } = projection;
  return { ...index, projection: rest };
}

/** A switch left off with no attribute named: the user did not ask for time to live. */
function timeToLiveSkipped(ttl: unknown) {
  if (typeof ttl !== 'object' || ttl === null || Array.isArray(ttl))
    return false;
  const { enabled, attributeName } = ttl as Loose;
  return enabled !== true && !attributeName;
}

export function dropEmptyFormSections<T extends Loose>(spec: T): T {
  const result: Loose = withoutEmptyThroughput(spec);
  if (timeToLiveSkipped(result.timeToLive)) delete result.timeToLive;
  if (Array.isArray(result.globalSecondaryIndexes)) {
    result.globalSecondaryIndexes = result.globalSecondaryIndexes.map(
      (index: unknown) =>
        typeof index === 'object' && index !== null
          ? withoutEmptyNonKeyAttributes(withoutEmptyThroughput(index as Loose))
          : index,
    );
  }
  return result as T;
}
