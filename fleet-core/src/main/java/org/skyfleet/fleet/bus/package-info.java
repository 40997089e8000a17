/**
 * The port through which state changes and events leave the domain. In-process by default; a broker
 * adapter lets several control-plane nodes share one fleet.
 */
package org.skyfleet.fleet.bus;
