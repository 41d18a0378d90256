package io.polycell.messages.common;

/**
 * An amount of compute resources: what a flavor asks for, or what a host has.
 */
public record Resources(int vcpus, int ramMb, int diskGb) {
}
