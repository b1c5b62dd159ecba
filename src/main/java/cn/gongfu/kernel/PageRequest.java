package cn.gongfu.kernel;

/**
 * Zero-based page number and page size, checked on construction.
 */
public record PageRequest(int page, int size) {

    public static final int MAX_SIZE = 500;

    public PageRequest {
        if (page < 0) throw new InvalidParameterException("page", "must be 0 or greater");
        if (size < 1 || size > MAX_SIZE) throw new InvalidParameterException("size", "must be between 1 and " + MAX_SIZE);
    }

    public long offset() {
        return (long) page * size;
    }
}
