import { describe, expect, it } from 'vitest';
import { bylineLine } from '../../../src/ingest/rules/byline.ts';
import { trailingCredit } from '../../../src/ingest/rules/credit.ts';
import { datelineByline, opensWithDateline } from '../../../src/ingest/rules/dateline.ts';
import { undouble } from '../../../src/ingest/rules/doubled-glyphs.ts';
import { furnitureOf } from '../../../src/ingest/rules/furniture.ts';
import { joinLines } from '../../../src/ingest/rules/join-lines.ts';
import { readCredit } from '../../../src/ingest/rules/names.ts';

describe('undouble', () => {
  it('should undo doubled phrases', () => {
    expect(undouble('春风十里春风十里花开满城花开满城')).toEqual(['春风十里', '花开满城']);
    expect(undouble('建设美丽乡村建设美丽乡村')).toEqual(['建设美丽乡村']);
  });
  it('should refuse text that is not doubled throughout', () => {
    expect(undouble('春风十里春风十里花开满城')).toBeNull();
    expect(undouble('哈哈')).toBeNull();
  });
});

describe('furnitureOf', () => {
  it('should read running heads and the page name', () => {
    expect(furnitureOf('第5版 社会')).toEqual({
      furniture: { kind: 'header', text: '第5版 社会' },
      pageName: '社会',
    });
    expect(furnitureOf('07 体育')?.pageName).toBe('体育');
    expect(furnitureOf('2022年5月9日 星期一')).toEqual({
      furniture: { kind: 'header', text: '2022年5月9日 星期一' },
      pageName: null,
    });
    expect(furnitureOf('责任编辑 王小明')?.furniture.kind).toBe('header');
    expect(furnitureOf('第A2版')?.furniture.kind).toBe('header');
    expect(furnitureOf('A3 | 经济新闻')?.pageName).toBe('经济新闻');
    expect(furnitureOf('星期四 2022年5月12日')?.furniture.kind).toBe('header');
  });
  it('should repair a doubled banner and keep its raw text', () => {
    expect(furnitureOf('■■春风十里春风十里花开满城花开满城')).toEqual({
      furniture: {
        kind: 'banner',
        text: '春风十里 花开满城',
        raw: '■■春风十里春风十里花开满城花开满城',
      },
      pageName: null,
    });
  });
  it('should leave prose alone', () => {
    expect(furnitureOf('今天天气很好，大家都出门了。')).toBeNull();
    expect(furnitureOf('第三届运动会开幕')).toBeNull();
    expect(furnitureOf('254名志愿者出发')).toBeNull();
    expect(furnitureOf('12岁少年获救')).toBeNull();
  });
});

describe('readCredit', () => {
  it('should keep names and drop roles, organisations and credits', () => {
    expect(readCredit('首席记者 王大海')).toEqual({
      names: ['王大海'],
      hasRole: true,
      photo: false,
    });
    expect(readCredit('记者 李小红 通讯员 张明')?.names).toEqual(['李小红', '张明']);
    expect(readCredit('新华社记者 赵一 摄')).toEqual({
      names: ['赵一'],
      hasRole: true,
      photo: true,
    });
    expect(readCredit('记者钱多多文/图 摄')?.names).toEqual(['钱多多']);
    expect(readCredit('记者孙悟实习生白龙')?.names).toEqual(['孙悟', '白龙']);
    expect(readCredit('（记者 马 良 摄）')?.names).toEqual(['马良']);
    expect(readCredit('某某小学小记者 周周（证号123）')?.names).toEqual(['周周']);
    expect(readCredit('（吴一 郑二）')).toEqual({
      names: ['吴一', '郑二'],
      hasRole: false,
      photo: false,
    });
  });
  it('should read credits printed before or after the name with a slash', () => {
    expect(readCredit('文/记者 王大海')?.names).toEqual(['王大海']);
    expect(readCredit('记者 王大海/文 李小红/图')?.names).toEqual(['王大海', '李小红']);
    expect(readCredit('记者 司马小月')?.names).toEqual(['司马小月']);
  });
  it('should refuse text that is not a byline', () => {
    expect(readCredit('小记者走进消防站学习急救知识')).toBeNull();
    expect(readCredit('本报讯 今天上午')).toBeNull();
  });
});

describe('bylineLine', () => {
  it('should read marked bylines and credits, markers dropped', () => {
    expect(bylineLine('□首席记者 王大海')?.text).toBe('首席记者 王大海');
    expect(bylineLine('■孙小美')?.credit.names).toEqual(['孙小美']);
    expect(bylineLine('记者 李小红 摄')?.credit.photo).toBe(true);
  });
  it('should not take a headline or a dateline for a byline', () => {
    expect(bylineLine('春风十里')).toBeNull();
    expect(bylineLine('本报讯（记者 李小红）')).toBeNull();
  });
});

describe('datelines', () => {
  it('should find a dateline and the byline in its brackets', () => {
    expect(opensWithDateline('本报讯 20日，')).toBe(true);
    expect(opensWithDateline('本次讲座，')).toBe(false);
    expect(opensWithDateline('新华社北京3月1日电')).toBe(true);
    expect(opensWithDateline('本报杭州电（记者 王一）')).toBe(true);
    expect(opensWithDateline('中新网电 近日，')).toBe(true);
    // A line of body text that happens to end in 电 or 讯 is no dateline.
    expect(opensWithDateline('属地部门抓紧抢修恢复供电')).toBe(false);
    expect(opensWithDateline('全市已建成五个应急通讯')).toBe(false);
    expect(datelineByline('本报讯 （记者 李小红 通讯员 张明） 昨天，')).toEqual({
      text: '本报讯 （记者 李小红 通讯员 张明）',
      credit: { names: ['李小红', '张明'], hasRole: true, photo: false },
    });
    expect(datelineByline('晨报5月3日讯（见习记者 刘一）今天')?.text).toBe(
      '晨报5月3日讯（见习记者 刘一）',
    );
    expect(datelineByline('本报讯 20日，会议召开。')).toBeNull();
  });
  it('should find a byline run into the dateline, set off by spaces', () => {
    expect(datelineByline('本报讯 记者 李小红 通讯员 张明 昨天，会议召开。')).toEqual({
      text: '本报讯 记者 李小红 通讯员 张明',
      credit: { names: ['李小红', '张明'], hasRole: true, photo: false },
    });
    expect(datelineByline('本报讯 首席记者 王一 近日，')?.text).toBe('本报讯 首席记者 王一');
    // Words without a role are no byline; nor is text with no space after the names.
    expect(datelineByline('本报讯 李小红 张明 昨天，')).toBeNull();
    expect(datelineByline('本报讯 记者李小红昨天，')).toBeNull();
  });
});

describe('trailingCredit', () => {
  it('should find a credit ending the last paragraph', () => {
    expect(trailingCredit('工程顺利完工。（通讯员 张明）')?.text).toBe('（通讯员 张明）');
    expect(trailingCredit('效果很好。 王小二')?.text).toBe('王小二');
    expect(trailingCredit('现场一片繁忙。  记者 李小红 摄')?.credit.photo).toBe(true);
  });
  it('should not take text after a quotation or inside brackets for a credit', () => {
    expect(trailingCredit('他们称之为“好日子” 大家都说')).toBeNull();
    expect(trailingCredit('讲解了防骗知识（如图）。')).toBeNull();
    expect(trailingCredit('收获很大。 （记者 李小红')).toBeNull();
  });
});

describe('joinLines', () => {
  it('should join CJK lines without spaces, numbers cut in two back together', () => {
    expect(joinLines(['今年投资32', '.5亿元，同比', '增长20%。'])).toBe(
      '今年投资32.5亿元，同比增长20%。',
    );
  });
  it('should keep a space the line ended with', () => {
    expect(joinLines(['本报讯 （记者 李小红） ', '昨天'])).toBe('本报讯 （记者 李小红） 昨天');
  });
  it('should put a space between the words of Latin prose and undo hyphenation', () => {
    expect(joinLines(['The county fair opens', 'on Monday with a para-', 'de downtown.'])).toBe(
      'The county fair opens on Monday with a parade downtown.',
    );
  });
  it('should put a space where two Latin words meet at a break in Chinese text', () => {
    expect(joinLines(['选手参加Hangzhou', 'International Marathon比赛'])).toBe(
      '选手参加Hangzhou International Marathon比赛',
    );
    expect(joinLines(['下载App', '使用'])).toBe('下载App使用');
    expect(joinLines(['第5', 'G基站'])).toBe('第5G基站');
  });
});
