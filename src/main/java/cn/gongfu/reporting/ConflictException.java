package cn.gongfu.reporting;

/**
 * Someone else changed the same thing since it was read: nothing was overwritten, and {@code current}
 * shows the other person's version so the user can merge by hand.
 */
public class ConflictException extends RuntimeException {

    private final transient Object current;

    public ConflictException(String message, Object current) {
        super(message);
        this.current = current;
    }

    public Object current() {
        return current;
    }
}
