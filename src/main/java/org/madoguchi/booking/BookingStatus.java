package org.madoguchi.booking;

/** A booking holds its slots while RESERVED; COMPLETED keeps them as the record of use; CANCELLED frees them. */
enum BookingStatus {
  RESERVED,
  COMPLETED,
  CANCELLED,
  /** Nobody came: the slots are freed like a cancellation's, and the booking is charged as a no-show. */
  NO_SHOW
}
