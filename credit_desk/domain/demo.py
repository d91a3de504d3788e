"""Deterministic generators of realistic demo data (``demo-data``, benchmarks, tests).

Every function takes a ``random.Random`` so the same seed gives the same data; nothing here
touches the global random state. Generated codes and ID numbers are valid per python-stdnum.
"""

from __future__ import annotations

import datetime as dt
import functools
import random
import string

from stdnum.cn import ric as stdnum_ric
from stdnum.cn import uscc as stdnum_uscc

from credit_desk.domain.errors import ValidationError
from credit_desk.domain.ids import IdType, normalize_id

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
    "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴"
    "莫孔向汤"
)
GIVEN_CHARS = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰红建国文斌辉鹏宇飞浩然凯晨欣怡佳琪思雨婷雪梅"
    "志海波宏俊峰林颖琳慧淑珍春燕晓东旭亮成立新荣德福贵祥瑞嘉诚博睿子涵梓轩"
)
TRADE_NAMES = (
    "鑫源", "华泰", "恒达", "永盛", "宏图", "瑞丰", "金辉", "顺发", "利民", "盛世", "中兴", "天成",
    "汇通", "泽润", "兴隆", "润通", "万家", "合力", "康达", "嘉禾", "新淮", "清源", "运河", "淮韵",
)
INDUSTRIES = (
    "建材", "商贸", "建筑工程", "农业科技", "物流", "机械制造", "电子科技", "食品", "纺织", "餐饮管理",
    "环保科技", "物业管理", "汽车销售", "医药", "装饰工程", "水产养殖", "劳务", "信息技术",
)
COMPANY_FORMS = ("有限公司", "有限公司", "有限公司", "有限责任公司", "股份有限公司")
SHOP_TRADES = ("小吃店", "五金店", "烟酒商行", "副食品经营部", "理发店", "饭店", "家电维修部", "便利店")
MOBILE_PREFIXES = (
    "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "153",
    "155", "156", "157", "158", "159", "166", "173", "177", "180", "181", "182", "183", "186",
    "187", "188", "189", "191", "198", "199",
)
# Organisation code (GB 11714) body characters; the USCC alphabet excludes I, O, Z, S, V.
_ORG_BODY = string.digits + "ABCDEFGHJKLMNPQRTUWXY"
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


def person_name(rng: random.Random) -> str:
    """A common Chinese personal name: surname plus one or two given-name characters."""
    given = "".join(rng.choice(GIVEN_CHARS) for _ in range(rng.choice((1, 2, 2))))
    return rng.choice(SURNAMES) + given


def company_name(rng: random.Random, county: str) -> str:
    """e.g. ``淮安市清江浦区鑫源建材有限公司``: place + trade name + industry + legal form."""
    return county + rng.choice(TRADE_NAMES) + rng.choice(INDUSTRIES) + rng.choice(COMPANY_FORMS)


def business_name(rng: random.Random, county: str) -> str:
    """An individual business (个体工商户), e.g. ``淮安市清江浦区王记小吃店``."""
    head = rng.choice(SURNAMES) + "记" if rng.random() < 0.5 else rng.choice(TRADE_NAMES)
    return county + head + rng.choice(SHOP_TRADES)


def _org_code(rng: random.Random) -> str:
    """A 9-character organisation code with its GB 11714 check character.

    stdnum has no GB 11714 module; this check is only to make demo codes look real —
    validation of entered codes uses stdnum.cn.uscc alone.
    """
    body = "".join(rng.choice(_ORG_BODY[:10] if i < 2 else _ORG_BODY) for i in range(8))
    total = sum(int(ch, 36) * w for ch, w in zip(body, _ORG_WEIGHTS))
    check = 11 - total % 11
    return body + {10: "X", 11: "0"}.get(check, str(check))


def uscc(rng: random.Random, region_code: str, org_type: str = "1") -> str:
    """A valid 18-character USCC registered by market regulation ('9').

    ``org_type``: '1' enterprise, '2' individual business, '3' farmers' cooperative.
    """
    if len(region_code) != 6 or not region_code.isdigit():
        raise ValueError("region_code must be 6 digits")
    body = "9" + org_type + region_code + _org_code(rng)
    number = body + stdnum_uscc.calc_check_digit(body)
    if not stdnum_uscc.is_valid(number):
        raise ValueError(f"generated an invalid USCC {number}")
    return number


def random_date(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    """A date in ``[start, end]``."""
    return start + dt.timedelta(days=rng.randint(0, (end - start).days))


def ric(rng: random.Random, region_code: str, birth_from: dt.date, birth_to: dt.date) -> str:
    """A valid 18-digit citizen ID number (GB 11643) born in ``[birth_from, birth_to]``.

    The number always passes ``ids.normalize_id``; it also passes ``stdnum.cn.ric.is_valid``
    when stdnum's data has ``region_code`` in the birth year (stdnum dates most Jiangsu codes
    from 1983, so an older person with such a code passes only the former, as real ones do).
    """
    if len(region_code) != 6 or not region_code.isdigit():
        raise ValueError("region_code must be 6 digits")
    born = random_date(rng, birth_from, birth_to)
    body = f"{region_code}{born:%Y%m%d}{rng.randint(1, 999):03d}"
    number = body + stdnum_ric.calc_check_digit(body + "0")
    if not _address_code_valid(region_code, born.year):
        raise ValueError(f"address code {region_code} is unknown")
    return number


@functools.lru_cache(maxsize=1024)
def _address_code_valid(region_code: str, year: int) -> bool:
    """Whether ``ids.normalize_id`` accepts an ID with this address code born in ``year``.

    A generated number always has a real date and a correct check digit, so only the code (checked by
    stdnum per year) can fail; asking once per code and year keeps seeding a million rows fast.
    """
    body = f"{region_code}{year:04d}0101001"
    try:
        normalize_id(IdType.RIC, body + stdnum_ric.calc_check_digit(body + "0"))
    except ValidationError:
        return False
    return True


def phone(rng: random.Random) -> str:
    """An 11-digit mainland mobile number."""
    return rng.choice(MOBILE_PREFIXES) + f"{rng.randint(0, 99_999_999):08d}"
