package io.polycell.command.routing;

/** The cell a cell-tier component belongs to, as registered in that cell's Axon configuration. */
public record CellIdentity(String name) {
}
