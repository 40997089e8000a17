/**
 * Who may command a vehicle: one control lease per vehicle with a time to live its holder renews,
 * take-overs by commanders with a reason, and the ledger that makes a client-chosen command id run once;
 * the {@link org.skyfleet.fleet.control.LeaseStore} port keeps the leases.
 */
package org.skyfleet.fleet.control;
