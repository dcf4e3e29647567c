package dev.failmode.load;

/** A value written in a way the format does not accept; the message says what to write instead. */
public final class NotationException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public NotationException(String message) {
    super(message);
  }
}
