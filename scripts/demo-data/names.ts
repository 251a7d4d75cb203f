// Fictional student names. Chinese names carry their pinyin so emails stay ASCII;
// ASEAN names are kept in their usual written form and folded to ASCII for emails.
import type { Random } from './prng.ts'

export type Nationality = 'cn' | 'vn' | 'th' | 'my' | 'id' | 'la'

export interface PersonName {
  display: string
  /** Lowercase ASCII given name and family name, for the email address. */
  first: string
  last: string
  /** Native language (ISO 639-1) besides Chinese, for ASEAN students. */
  nativeLanguage?: string
}

type Syllable = readonly [hanzi: string, pinyin: string]

// Includes surnames common in Guangxi (覃, 韦, 蒙, 莫, 农, 蓝).
const surnames: readonly Syllable[] = [
  ['王', 'wang'],
  ['李', 'li'],
  ['张', 'zhang'],
  ['刘', 'liu'],
  ['陈', 'chen'],
  ['杨', 'yang'],
  ['黄', 'huang'],
  ['赵', 'zhao'],
  ['吴', 'wu'],
  ['周', 'zhou'],
  ['徐', 'xu'],
  ['孙', 'sun'],
  ['马', 'ma'],
  ['朱', 'zhu'],
  ['胡', 'hu'],
  ['郭', 'guo'],
  ['何', 'he'],
  ['林', 'lin'],
  ['罗', 'luo'],
  ['梁', 'liang'],
  ['宋', 'song'],
  ['郑', 'zheng'],
  ['谢', 'xie'],
  ['韩', 'han'],
  ['唐', 'tang'],
  ['冯', 'feng'],
  ['覃', 'qin'],
  ['韦', 'wei'],
  ['蒙', 'meng'],
  ['莫', 'mo'],
  ['农', 'nong'],
  ['陆', 'lu'],
  ['蓝', 'lan'],
  ['廖', 'liao'],
  ['邓', 'deng'],
  ['欧阳', 'ouyang'],
]

const givenSyllables: readonly Syllable[] = [
  ['子', 'zi'],
  ['涵', 'han'],
  ['浩', 'hao'],
  ['宇', 'yu'],
  ['欣', 'xin'],
  ['怡', 'yi'],
  ['俊', 'jun'],
  ['杰', 'jie'],
  ['思', 'si'],
  ['雨', 'yu'],
  ['博', 'bo'],
  ['文', 'wen'],
  ['嘉', 'jia'],
  ['晨', 'chen'],
  ['佳', 'jia'],
  ['明', 'ming'],
  ['婷', 'ting'],
  ['雪', 'xue'],
  ['伟', 'wei'],
  ['磊', 'lei'],
  ['洋', 'yang'],
  ['静', 'jing'],
  ['丽', 'li'],
  ['强', 'qiang'],
  ['敏', 'min'],
  ['晓', 'xiao'],
  ['燕', 'yan'],
  ['鹏', 'peng'],
  ['飞', 'fei'],
  ['志', 'zhi'],
  ['华', 'hua'],
  ['芳', 'fang'],
  ['颖', 'ying'],
  ['琳', 'lin'],
  ['凯', 'kai'],
  ['天', 'tian'],
  ['诗', 'shi'],
  ['梦', 'meng'],
  ['瑶', 'yao'],
  ['泽', 'ze'],
  ['睿', 'rui'],
  ['彤', 'tong'],
  ['铭', 'ming'],
  ['航', 'hang'],
  ['远', 'yuan'],
  ['萱', 'xuan'],
  ['舒', 'shu'],
  ['岚', 'lan'],
  ['康', 'kang'],
  ['宁', 'ning'],
  ['邕', 'yong'],
  ['桂', 'gui'],
  ['海', 'hai'],
  ['晴', 'qing'],
  ['昊', 'hao'],
  ['楠', 'nan'],
  ['轩', 'xuan'],
  ['阳', 'yang'],
  ['露', 'lu'],
  ['雯', 'wen'],
]

// Characters that read oddly as a one-character given name.
const notAlone = new Set(['子', '思', '诗', '梦', '雨', '佳', '嘉', '晓', '天', '一'])
const singleGiven = givenSyllables.filter(([hanzi]) => !notAlone.has(hanzi))

const vietnamese = {
  family: ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ'],
  middle: ['Văn', 'Thị', 'Minh', 'Đức', 'Ngọc', 'Thu', 'Quang', 'Thanh'],
  given: ['An', 'Bình', 'Hương', 'Linh', 'Tuấn', 'Hà', 'Dũng', 'Trang', 'Phương', 'Quân', 'Mai', 'Khánh', 'Hải', 'Yến', 'Long'],
}
const thai = {
  given: ['Somchai', 'Siriporn', 'Nattapong', 'Kanokwan', 'Thanawat', 'Pimchanok', 'Arthit', 'Chayanin', 'Wichai', 'Kittipong', 'Suda'],
  family: ['Srisuk', 'Wongsawat', 'Chaiyaporn', 'Saetang', 'Rattanakul', 'Boonmee', 'Phongphan', 'Thongchai', 'Kaewmanee'],
}
const malay = {
  given: ['Aisyah', 'Farhan', 'Hafiz', 'Nurul Huda', 'Amirah', 'Irfan', 'Syafiq', 'Nadia'],
  family: ['Rahman', 'Ismail', 'Hassan', 'Abdullah', 'Yusof', 'Othman'],
}
const malaysianChinese = {
  given: ['Wei Ling', 'Jun Hao', 'Mei Xin', 'Kok Wai', 'Jia Hui'],
  family: ['Tan', 'Lim', 'Ong', 'Wong', 'Lee', 'Goh'],
}
const indonesian = {
  given: ['Putri', 'Budi', 'Rizky', 'Dewi', 'Agus', 'Sari', 'Andi', 'Intan', 'Fajar', 'Ayu'],
  family: ['Santoso', 'Lestari', 'Wijaya', 'Pratama', 'Hidayat', 'Kusuma', 'Saputra', 'Nugroho'],
}
const lao = {
  given: ['Souksavanh', 'Khamphone', 'Phonesavanh', 'Vilayphone', 'Bounmy', 'Manivanh'],
  family: ['Phommachanh', 'Sisouk', 'Vongsay', 'Keovongsa', 'Inthavong', 'Sengsouly'],
}

/** Folds diacritics (Nguyễn → nguyen, Đặng → dang) and drops anything outside a-z. */
export function asciiFold(text: string): string {
  return text
    .replace(/[đĐ]/g, 'd')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '')
}

export function makeName(nationality: Nationality, rng: Random): PersonName {
  switch (nationality) {
    case 'cn': {
      const [surname, surnamePinyin] = rng.pick(surnames)
      const syllables = rng.chance(0.65) ? [rng.pick(givenSyllables), rng.pick(givenSyllables)] : [rng.pick(singleGiven)]
      return {
        display: surname + syllables.map(([hanzi]) => hanzi).join(''),
        first: syllables.map(([, pinyin]) => pinyin).join(''),
        last: surnamePinyin,
      }
    }
    case 'vn': {
      // Vietnamese order: family, middle, given.
      const family = rng.pick(vietnamese.family)
      const given = rng.pick(vietnamese.given)
      return {
        display: `${family} ${rng.pick(vietnamese.middle)} ${given}`,
        first: asciiFold(given),
        last: asciiFold(family),
        nativeLanguage: 'vi',
      }
    }
    case 'my': {
      // Malaysian Chinese names are written family first, Malay names given first.
      if (rng.chance(0.4)) {
        const family = rng.pick(malaysianChinese.family)
        const given = rng.pick(malaysianChinese.given)
        return { display: `${family} ${given}`, first: asciiFold(given), last: asciiFold(family), nativeLanguage: 'ms' }
      }
      const given = rng.pick(malay.given)
      const family = rng.pick(malay.family)
      return { display: `${given} ${family}`, first: asciiFold(given), last: asciiFold(family), nativeLanguage: 'ms' }
    }
    case 'th':
    case 'id':
    case 'la': {
      const pool = { th: thai, id: indonesian, la: lao }[nationality]
      const given = rng.pick(pool.given)
      const family = rng.pick(pool.family)
      return {
        display: `${given} ${family}`,
        first: asciiFold(given),
        last: asciiFold(family),
        nativeLanguage: { th: 'th', id: 'id', la: 'lo' }[nationality],
      }
    }
  }
}
