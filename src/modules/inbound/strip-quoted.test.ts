import { describe, expect, it } from 'vitest';
import { stripQuotedReply } from './strip-quoted';

describe('stripQuotedReply', () => {
  it('drops Gmail\'s "On … wrote:" and the quoted history below it', () => {
    const text = 'Yes, size 7 please.\n\nOn Mon, Nov 23, 2026 at 10:02 AM GlowGlitch <support+t4.abc@glowglitch.example> wrote:\n> Hello Ava,\n> Which size?';
    expect(stripQuotedReply(text)).toBe('Yes, size 7 please.');
  });

  it('finds an "On … wrote:" wrapped over two lines', () => {
    const text = 'Thanks!\n\nOn Mon, Nov 23, 2026 at 10:02 AM GlowGlitch Concierge\n<support+t4.abc@glowglitch.example> wrote:\n> old';
    expect(stripQuotedReply(text)).toBe('Thanks!');
  });

  it('drops "> " lines interleaved with the answer but keeps the answer', () => {
    expect(stripQuotedReply('> Which size?\nSize 7.\n> And the metal?\nRose gold.')).toBe('Size 7.\nRose gold.');
  });

  it('cuts at the "-- " signature delimiter and at mobile signatures', () => {
    expect(stripQuotedReply('See you soon.\n-- \nAva Jones\nCEO, Example Inc.')).toBe('See you soon.');
    expect(stripQuotedReply('Perfect, thank you\n\nSent from my iPhone')).toBe('Perfect, thank you');
    expect(stripQuotedReply('Ok!\nGet Outlook for Android')).toBe('Ok!');
    expect(stripQuotedReply('Merci\n\nEnvoyé de mon iPhone')).toBe('Merci');
  });

  it('stops at Outlook\'s original-message block and at other languages\' "wrote:"', () => {
    expect(stripQuotedReply('Fine by me.\n-----Original Message-----\nFrom: GlowGlitch\nSubject: Re')).toBe('Fine by me.');
    expect(stripQuotedReply('Fine.\n________________________________\nFrom: GlowGlitch <support@glowglitch.example>')).toBe('Fine.');
    expect(stripQuotedReply('Parfait.\n\nLe lun. 23 nov. 2026 à 10:02, GlowGlitch <support@glowglitch.example> a écrit :\n> Bonjour')).toBe('Parfait.');
  });

  it('keeps a reply with nothing to strip as written, and keeps the text when only a quote was sent', () => {
    expect(stripQuotedReply('Line one\n\nLine two, on Monday I wrote: nothing')).toBe('Line one\n\nLine two, on Monday I wrote: nothing');
    expect(stripQuotedReply('> only quoted')).toBe('> only quoted');
  });
});
