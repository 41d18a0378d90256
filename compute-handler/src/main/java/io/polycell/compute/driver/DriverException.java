package io.polycell.compute.driver;

/** The hypervisor refused or failed an operation; the message is for the operator and the server's fault. */
public class DriverException extends RuntimeException {

    public DriverException(String message) {
        super(message);
    }

    public DriverException(String message, Throwable cause) {
        super(message, cause);
    }
}
