// Placeholder until the connector lands (being written now); the build already includes this package.
export {};
