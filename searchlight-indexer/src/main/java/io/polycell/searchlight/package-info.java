/**
 * The Elasticsearch projection of every cell's instance events: one document per server, for listing
 * across cells and for operators' dashboards. Empty until the search capability is built.
 */
package io.polycell.searchlight;
