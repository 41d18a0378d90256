/**
 * The connection to the search cluster: {@link io.polycell.searchlight.cluster.SearchClusterSettings} says
 * where it is (the embedded node, or an external cluster with credentials and TLS trust) and
 * {@link io.polycell.searchlight.cluster.SearchClients} builds the Java API client for it.
 */
package io.polycell.searchlight.cluster;
