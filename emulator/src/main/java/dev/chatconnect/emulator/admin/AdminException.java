package dev.chatconnect.emulator.admin;

/** A bad admin request: unknown channel, missing or malformed argument. Becomes {"error": message}. */
public final class AdminException extends RuntimeException {

    private final int status;

    public AdminException(int status, String message) {
        super(message);
        this.status = status;
    }

    public static AdminException badRequest(String message) {
        return new AdminException(400, message);
    }

    public static AdminException notFound(String message) {
        return new AdminException(404, message);
    }

    public int status() {
        return status;
    }
}
