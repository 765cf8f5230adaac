package dev.chatconnect.emulator.admin;

/** Parsing of admin arguments (path segments, query values, command words) with readable errors. */
final class AdminArgs {

    private AdminArgs() {
    }

    static long longArg(String name, String text) {
        if (text == null) {
            throw AdminException.badRequest(name + " is required");
        }
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw AdminException.badRequest(name + " must be an integer, got '" + text + "'");
        }
    }

    static int intArg(String name, String text) {
        long value = longArg(name, text);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw AdminException.badRequest(name + " is out of range: " + text);
        }
        return (int) value;
    }

    static int intArg(String name, String text, int fallback) {
        return text == null ? fallback : intArg(name, text);
    }

    static double doubleArg(String name, String text) {
        if (text == null) {
            throw AdminException.badRequest(name + " is required");
        }
        try {
            double value = Double.parseDouble(text.trim());
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw AdminException.badRequest(name + " must be a number, got '" + text + "'");
        }
    }

    /** true/false, on/off, yes/no, 1/0. */
    static boolean boolArg(String name, String text) {
        if (text == null) {
            throw AdminException.badRequest(name + " is required");
        }
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "on", "yes", "1" -> true;
            case "false", "off", "no", "0" -> false;
            default -> throw AdminException.badRequest(name + " must be true or false, got '" + text + "'");
        };
    }

    static String required(String name, String text) {
        if (text == null || text.isEmpty()) {
            throw AdminException.badRequest(name + " is required");
        }
        return text;
    }
}
