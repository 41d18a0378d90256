/**
 * Polycell's messages: commands (imperative), events (past tense, versioned) and their value types,
 * as immutable records. No persistence, no Spring: only Axon's routing and revision annotations.
 */
package io.polycell.messages;
