package io.cachegen.example;

/** The request is malformed; its message is sent back with a 400. */
final class BadRequestException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  BadRequestException(String message) {
    super(message);
  }
}
