package io.polycell.command.web;

import io.polycell.messages.instance.NetworkSpec;
import io.polycell.messages.instance.PlacementHints;
import java.util.Map;

/** A validated {@code POST /servers} body; {@code keyName} is null when no key pair was named. */
record ServerCreateRequest(String name, String flavorRef, String imageRef, int minCount, int maxCount,
                           Map<String, String> metadata, NetworkSpec networks, String userData,
                           String availabilityZone, String groupId, PlacementHints hints, String keyName) {
}
