package io.polycell.compute.driver.libvirt;

import io.polycell.compute.driver.DriverException;

/**
 * The driver cannot start on this host: the client library is missing, the hypervisor cannot be reached,
 * or the settings do not fit it. These are configuration problems an operator fixes from the message
 * alone, so the exception carries no stack trace that would bury that one line in a start-up log.
 */
public class DriverUnavailableException extends DriverException {

    public DriverUnavailableException(String message) {
        super(message);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
