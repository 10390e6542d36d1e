/** CSV for people and for Excel: formula neutralisation, separators, numbers unrounded. */
import { describe, expect, it } from 'vitest';
import { neutralise, renderCsv } from '../../../src/render/csv/csv.js';

describe('renderCsv', () => {
  it('neutralises = + - @ tab CR at the start of a text cell, and nothing else', () => {
    for (const s of ['=1+1', '+1', '-1', '@A1', '\t=1', '\r=1']) expect(neutralise(s)).toBe(`'${s}`);
    for (const s of ['1', 'a=1', ' =1', "'=1", 'Отдел', '']) expect(neutralise(s)).toBe(s);
  });

  it('plain: comma, LF, no BOM, numbers unrounded with a point', () => {
    expect(renderCsv(['a', 'b', 'c'], [[1 / 3, -2.5, 'x,y']])).toBe('a,b,c\n0.3333333333333333,-2.5,"x,y"\n');
  });

  it('excel: BOM, semicolon, CRLF, decimal comma in numbers only', () => {
    expect(renderCsv(['a', 'b', 'c', 'd'], [[1 / 3, -2.5, '1.5', 'x;y']], { excel: true })).toBe('\uFEFFa;b;c;d\r\n0,3333333333333333;-2,5;1.5;"x;y"\r\n');
  });

  it('empty and non-finite numbers are empty cells', () => {
    expect(renderCsv(['a', 'b', 'c'], [[null, Number.NaN, Number.POSITIVE_INFINITY]])).toBe('a,b,c\n,,\n');
  });
});
