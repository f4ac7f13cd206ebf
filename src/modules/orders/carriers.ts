// Carrier tracking links.

export type Carrier = 'UPS' | 'FedEx' | 'USPS' | 'DHL';

const TRACKING_URL: Record<Carrier, (n: string) => string> = {
  UPS: (n) => `https://www.ups.com/track?tracknum=${n}`,
  FedEx: (n) => `https://www.fedex.com/fedextrack/?trknbr=${n}`,
  USPS: (n) => `https://tools.usps.com/go/TrackConfirmAction?tLabels=${n}`,
  DHL: (n) => `https://www.dhl.com/en/express/tracking.html?AWB=${n}`,
};

export function trackingUrl(carrier: Carrier, trackingNumber: string): string {
  return TRACKING_URL[carrier](encodeURIComponent(trackingNumber));
}
