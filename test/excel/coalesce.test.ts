import { createChangeCoalescer } from '../../src/excel/coalesce';

describe('createChangeCoalescer', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('runs once after a burst, when the quiet period ends', () => {
    const fn = jest.fn();
    const c = createChangeCoalescer(fn, 300);
    for (let i = 0; i < 10; i++) {
      c.notify();
      jest.advanceTimersByTime(100);
    }
    expect(fn).not.toHaveBeenCalled();
    expect(c.pending).toBe(true);
    jest.advanceTimersByTime(299);
    expect(fn).toHaveBeenCalledTimes(1);
    expect(c.pending).toBe(false);
    c.notify();
    jest.advanceTimersByTime(300);
    expect(fn).toHaveBeenCalledTimes(2);
  });

  it('flush runs a pending call now; flush without one does nothing', () => {
    const fn = jest.fn();
    const c = createChangeCoalescer(fn, 300);
    c.flush();
    expect(fn).not.toHaveBeenCalled();
    c.notify();
    c.flush();
    expect(fn).toHaveBeenCalledTimes(1);
    jest.advanceTimersByTime(1000);
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('cancel drops the pending call and ignores later notifications', () => {
    const fn = jest.fn();
    const c = createChangeCoalescer(fn, 300);
    c.notify();
    c.cancel();
    c.notify();
    jest.advanceTimersByTime(1000);
    expect(fn).not.toHaveBeenCalled();
  });
});
