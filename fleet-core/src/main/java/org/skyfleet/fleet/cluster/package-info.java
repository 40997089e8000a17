/**
 * Several control-plane nodes sharing one fleet: which node owns each vehicle's link (a renewed lease,
 * claimed only when free or expired) and how a command given on any node reaches the owner.
 */
package org.skyfleet.fleet.cluster;
