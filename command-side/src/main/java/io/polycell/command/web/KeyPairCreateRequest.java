package io.polycell.command.web;

import io.polycell.messages.keypair.KeyPairType;

/**
 * A validated {@code POST /os-keypairs} body: {@code publicKey} null asks for a generated key pair,
 * {@code userId} null means the requester.
 */
record KeyPairCreateRequest(String name, String publicKey, KeyPairType type, String userId) {
}
