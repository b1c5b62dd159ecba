package cn.gongfu.ingest;

/**
 * Bad input: the message says, in Chinese and English, what is wrong and where, so the CLI and the web
 * import can show it as is.
 */
public class DocumentException extends RuntimeException {

    public DocumentException(String message) {
        super(message);
    }

    public DocumentException(String message, Throwable cause) {
        super(message, cause);
    }
}
