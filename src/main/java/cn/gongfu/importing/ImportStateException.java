package cn.gongfu.importing;

/** An action on an import that is no longer in review (published or discarded, perhaps by someone else). */
public class ImportStateException extends RuntimeException {

    ImportStateException(String message) {
        super(message);
    }
}
