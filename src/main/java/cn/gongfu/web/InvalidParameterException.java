package cn.gongfu.web;

/** A request parameter that parsed but makes no sense; rendered as a 400 problem naming the field. */
public class InvalidParameterException extends RuntimeException {

    private final String field;

    public InvalidParameterException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
