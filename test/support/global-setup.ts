// Placeholder replaced by the PostgreSQL harness.
export default function setup(): void {}
