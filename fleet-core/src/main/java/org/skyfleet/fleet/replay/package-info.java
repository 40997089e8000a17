/**
 * Replaying stored history: tracks thinned to a point budget on the server, so a long incident plays back
 * smoothly in a browser without losing where anything was at any moment by more than a stated error.
 */
package org.skyfleet.fleet.replay;
