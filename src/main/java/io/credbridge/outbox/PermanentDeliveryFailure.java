package io.credbridge.outbox;

/**
 * Thrown by a delivery whose destination refused an event for a reason that asking again cannot fix (a SIS
 * validation error, say). The relay gives such an event up at once instead of spending its remaining attempts;
 * in a batch of several events it cannot tell which one was refused, so it retries them one by one as usual and
 * gives up the refused one when it fails alone.
 */
public class PermanentDeliveryFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PermanentDeliveryFailure(String message) {
        super(message);
    }
}
