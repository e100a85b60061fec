import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// The whole suite runs on two shared cores: a lazily loaded card can take longer than
// testing-library's 1 s default to appear, without anything being wrong.
configure({ asyncUtilTimeout: 10_000 });
jest.setTimeout(30_000);
