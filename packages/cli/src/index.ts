/**
 * @gatehouse/cli: the `gatehouse` command (programmatic entry: `run(argv)`).
 */

// @section cli
export {};
