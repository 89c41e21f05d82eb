"""Built-in data for the synthetic corpus: provinces, central documents, phrase pools.

Kept as code (not files) because it is small, is only used by the generator, and must not
depend on the extractors' own place or alias tables: a generator that shared them would
only ever test what the extractor already knows.
"""

from __future__ import annotations

from dataclasses import dataclass

# The 63 provinces and centrally-run cities before the 2025 merger: (name, is_city).
PROVINCES: tuple[tuple[str, bool], ...] = (
    ("An Giang", False), ("Bà Rịa - Vũng Tàu", False), ("Bạc Liêu", False), ("Bắc Giang", False),
    ("Bắc Kạn", False), ("Bắc Ninh", False), ("Bến Tre", False), ("Bình Dương", False),
    ("Bình Định", False), ("Bình Phước", False), ("Bình Thuận", False), ("Cà Mau", False),
    ("Cao Bằng", False), ("Cần Thơ", True), ("Đà Nẵng", True), ("Đắk Lắk", False),
    ("Đắk Nông", False), ("Điện Biên", False), ("Đồng Nai", False), ("Đồng Tháp", False),
    ("Gia Lai", False), ("Hà Giang", False), ("Hà Nam", False), ("Hà Nội", True),
    ("Hà Tĩnh", False), ("Hải Dương", False), ("Hải Phòng", True), ("Hậu Giang", False),
    ("Hòa Bình", False), ("Hồ Chí Minh", True), ("Hưng Yên", False), ("Khánh Hòa", False),
    ("Kiên Giang", False), ("Kon Tum", False), ("Lai Châu", False), ("Lâm Đồng", False),
    ("Lạng Sơn", False), ("Lào Cai", False), ("Long An", False), ("Nam Định", False),
    ("Nghệ An", False), ("Ninh Bình", False), ("Ninh Thuận", False), ("Phú Thọ", False),
    ("Phú Yên", False), ("Quảng Bình", False), ("Quảng Nam", False), ("Quảng Ngãi", False),
    ("Quảng Ninh", False), ("Quảng Trị", False), ("Sóc Trăng", False), ("Sơn La", False),
    ("Tây Ninh", False), ("Thái Bình", False), ("Thái Nguyên", False), ("Thanh Hóa", False),
    ("Thừa Thiên Huế", False), ("Tiền Giang", False), ("Trà Vinh", False), ("Tuyên Quang", False),
    ("Vĩnh Long", False), ("Vĩnh Phúc", False), ("Yên Bái", False),
)  # fmt: skip

# Generic district and commune names (many recur across real provinces, e.g. Châu Thành).
DISTRICTS: tuple[str, ...] = (
    "Châu Thành", "Phú Giáo", "Tân Uyên", "Long Phú", "Thạnh Phú", "Mỏ Cày Nam", "Cái Nước",
    "Đầm Dơi", "Năm Căn", "Ngọc Hiển", "Trần Văn Thời", "U Minh", "Thới Bình", "Phú Tân",
    "Tam Nông", "Hòa Thành", "Tân Biên", "Gò Dầu", "Bến Cầu", "Lộc Ninh", "Bù Đăng",
    "Đồng Phú", "Hớn Quản", "Chư Sê", "Chư Prông", "Đức Cơ", "Ia Grai", "Krông Pa",
    "Mang Yang", "Kông Chro", "Yên Thành", "Diễn Châu", "Quỳnh Lưu", "Nghi Lộc", "Thanh Chương",
    "Hương Sơn", "Kỳ Anh", "Cẩm Xuyên", "Lệ Thủy", "Quảng Ninh", "Bố Trạch", "Hải Lăng",
    "Triệu Phong", "Gio Linh", "Cam Lộ", "Vĩnh Linh", "Tiên Du", "Gia Bình", "Lương Tài",
    "Quế Võ", "Thuận Thành", "Yên Phong", "Mê Linh", "Sóc Sơn", "Đông Anh", "Gia Lâm",
    "Thanh Trì", "Ba Vì", "Phúc Thọ", "Đan Phượng",
)  # fmt: skip
COMMUNES: tuple[str, ...] = (
    "Tân An", "Tân Hòa", "Tân Thành", "Phú Mỹ", "An Bình", "An Thạnh", "Bình Minh", "Hòa Lợi",
    "Long Hòa", "Long Tân", "Mỹ Phước", "Phước Hòa", "Thạnh Lộc", "Vĩnh Hòa", "Đông Hòa",
    "Tây Sơn", "Nam Thành", "Bắc Sơn", "Hưng Thịnh", "Quang Trung", "Trung Hòa", "Thanh Bình",
    "Hiệp Hòa", "Xuân Lộc", "Hòa Bình", "Tân Lập", "Tân Phú", "Phú Lộc", "Đức Hòa", "Minh Tân",
)  # fmt: skip

SURNAMES = (
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Huỳnh",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
)
MIDDLE = ("Văn", "Thị", "Minh", "Hữu", "Thanh", "Quốc", "Ngọc", "Đức", "Hoàng")
GIVEN = ("An", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Lan", "Long", "Nam", "Phong", "Quang",
         "Sơn", "Tâm", "Thắng", "Trung", "Tuấn", "Việt", "Hà", "Hạnh", "Khoa")  # fmt: skip


@dataclass(frozen=True)
class CentralDoc:
    """A central document the synthetic local documents cite; ``target`` is what it implements."""

    number: str
    kind: str
    date: str
    issuer: tuple[str, ...]  # spellings used in text (first is the usual one)
    short: str  # gold short form
    subject: str
    target: str | None = None  # number of the document this one implements / continues
    target_rel: str = "implements"


_TTG = ("Thủ tướng Chính phủ", "Thủ tướng Chính phủ", "Thủ Tướng Chính phủ")
_BCT = ("Bộ Chính trị", "Bộ Chính trị (khóa XII)", "Bộ Chính trị (khoá XII)")
_BCT13 = ("Bộ Chính trị", "Bộ Chính trị (khóa XIII)")
_BBT = ("Ban Bí thư Trung ương Đảng", "Ban Bí thư", "Ban Bí thư Trung ương Đảng (khóa XI)")
_CP = ("Chính phủ",)


def _bch(term: str) -> tuple[str, ...]:
    return (
        f"Ban Chấp hành Trung ương Đảng (khóa {term})",
        f"Ban Chấp hành Trung ương Đảng (khoá {term})",
    )


CENTRAL: tuple[CentralDoc, ...] = (
    CentralDoc("33/CT-TTg", "Chỉ thị", "2021-11-26", _TTG, "Thủ tướng Chính phủ",
               "về tiếp tục tăng cường và đổi mới công tác dân vận của cơ quan hành chính nhà nước, chính quyền các cấp trong tình hình mới"),
    CentralDoc("16/CT-TTg", "Chỉ thị", "2016-05-16", _TTG, "Thủ tướng Chính phủ",
               "về tăng cường và đổi mới công tác dân vận của cơ quan hành chính nhà nước, chính quyền các cấp trong tình hình mới"),
    CentralDoc("25-NQ/TW", "Nghị quyết", "2013-06-03", _bch("XI"), "Ban Chấp hành Trung ương Đảng",
               "về tăng cường và đổi mới sự lãnh đạo của Đảng đối với công tác dân vận trong tình hình mới"),
    CentralDoc("05-CT/TW", "Chỉ thị", "2016-05-15", _BCT, "Bộ Chính trị",
               "về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"),
    CentralDoc("01-KL/TW", "Kết luận", "2021-05-18", _BCT13, "Bộ Chính trị",
               "về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", "05-CT/TW", "continues"),
    CentralDoc("30-CT/TW", "Chỉ thị", "1998-02-18", ("Bộ Chính trị", "Bộ Chính trị (khóa VIII)"), "Bộ Chính trị",
               "về xây dựng và thực hiện Quy chế dân chủ ở cơ sở"),
    CentralDoc("120-KL/TW", "Kết luận", "2016-01-07", ("Bộ Chính trị", "Bộ Chính trị (khóa XI)"), "Bộ Chính trị",
               "về xây dựng và thực hiện Quy chế dân chủ ở cơ sở", "30-CT/TW", "continues"),
    CentralDoc("217-QĐ/TW", "Quyết định", "2013-12-12", ("Bộ Chính trị",), "Bộ Chính trị",
               "ban hành Quy chế giám sát và phản biện xã hội của Mặt trận Tổ quốc Việt Nam và các đoàn thể chính trị - xã hội"),
    CentralDoc("218-QĐ/TW", "Quyết định", "2013-12-12", ("Bộ Chính trị",), "Bộ Chính trị",
               "quy định về việc Mặt trận Tổ quốc Việt Nam, các đoàn thể chính trị - xã hội và nhân dân tham gia góp ý xây dựng Đảng, xây dựng chính quyền"),
    CentralDoc("18-NQ/TW", "Nghị quyết", "2017-10-25", _bch("XII"), "Ban Chấp hành Trung ương Đảng",
               "một số vấn đề về tiếp tục đổi mới, sắp xếp tổ chức bộ máy của hệ thống chính trị tinh gọn, hoạt động hiệu lực, hiệu quả"),
    CentralDoc("19-NQ/TW", "Nghị quyết", "2017-10-25", _bch("XII"), "Ban Chấp hành Trung ương Đảng",
               "về tiếp tục đổi mới hệ thống tổ chức và quản lý, nâng cao chất lượng và hiệu quả hoạt động của các đơn vị sự nghiệp công lập"),
    CentralDoc("21-NQ/TW", "Nghị quyết", "2017-10-25", _bch("XII"), "Ban Chấp hành Trung ương Đảng",
               "về công tác dân số trong tình hình mới"),
    CentralDoc("27/CT-TTg", "Chỉ thị", "2024-08-15", _TTG, "Thủ tướng Chính phủ",
               "về việc tăng cường thực hiện công tác dân số trong tình hình mới"),
    CentralDoc("57-NQ/TW", "Nghị quyết", "2024-12-22", _BCT13, "Bộ Chính trị",
               "về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia"),
    CentralDoc("03/NQ-CP", "Nghị quyết", "2025-01-09", _CP, "Chính phủ",
               "về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia", "57-NQ/TW"),
    CentralDoc("66-NQ/TW", "Nghị quyết", "2025-04-30", _BCT13, "Bộ Chính trị",
               "về đổi mới công tác xây dựng và thi hành pháp luật đáp ứng yêu cầu phát triển đất nước trong kỷ nguyên mới"),
    CentralDoc("32/CT-TTg", "Chỉ thị", "2025-10-21", _TTG, "Thủ tướng Chính phủ",
               "về tăng cường công tác bảo vệ bí mật nhà nước trong tình hình mới"),
    CentralDoc("11-QĐi/TW", "Quy định", "2019-02-18", ("Bộ Chính trị",), "Bộ Chính trị",
               "về trách nhiệm của người đứng đầu cấp ủy trong việc tiếp dân, đối thoại trực tiếp với dân và xử lý những phản ánh, kiến nghị của dân"),
    CentralDoc("124-QĐ/TW", "Quy định", "2018-02-02", _BBT, "Ban Bí thư",
               "về giám sát của Mặt trận Tổ quốc Việt Nam, các đoàn thể chính trị - xã hội và Nhân dân đối với việc tu dưỡng, rèn luyện đạo đức, lối sống của người đứng đầu, cán bộ chủ chốt và cán bộ, đảng viên"),
    CentralDoc("114-KL/TW", "Kết luận", "2015-07-14", _BBT, "Ban Bí thư",
               "về nâng cao chất lượng, hiệu quả công tác dân vận của cơ quan nhà nước, chính quyền các cấp"),
    CentralDoc("1847/QĐ-TTg", "Quyết định", "2018-12-27", _TTG, "Thủ tướng Chính phủ",
               "phê duyệt Đề án Văn hóa công vụ"),
    CentralDoc("04/2015/NĐ-CP", "Nghị định", "2015-01-09", _CP, "Chính phủ",
               "về thực hiện dân chủ trong hoạt động của cơ quan hành chính nhà nước và đơn vị sự nghiệp công lập"),
    CentralDoc("34/2007/PL-UBTVQH11", "Pháp lệnh", "2007-04-20", ("Ủy ban Thường vụ Quốc hội", "Uỷ ban Thường vụ Quốc hội"),
               "Ủy ban Thường vụ Quốc hội", "thực hiện dân chủ ở xã, phường, thị trấn"),
    CentralDoc("81/2014/QĐ-TTg", "Quyết định", "2014-12-31", _TTG, "Thủ tướng Chính phủ",
               "về việc ban hành Quy chế phối hợp giữa Ủy ban nhân dân các cấp với Ban Dân vận cùng cấp"),
    CentralDoc("14/CT-TTg", "Chỉ thị", "2012-05-18", _TTG, "Thủ tướng Chính phủ",
               "về việc chấn chỉnh tình trạng vi phạm các quy định về tiếp công dân, giải quyết khiếu nại, tố cáo"),
)  # fmt: skip
CENTRAL_BY_NUMBER = {c.number: c for c in CENTRAL}

# The directives local documents are written to implement (campaign roots).
ROOTS: tuple[str, ...] = ("33/CT-TTg", "16/CT-TTg", "25-NQ/TW", "57-NQ/TW", "21-NQ/TW", "27/CT-TTg",
                          "66-NQ/TW", "32/CT-TTg", "05-CT/TW", "18-NQ/TW", "01-KL/TW")  # fmt: skip
# Numbers written together with one shared date and issuer phrase.
PAIRS: tuple[tuple[str, str], ...] = (("217-QĐ/TW", "218-QĐ/TW"), ("18-NQ/TW", "19-NQ/TW"))
# Laws cited by name: (name, date phrase, year).
LAWS: tuple[tuple[str, str, int], ...] = (
    ("Luật Tổ chức chính quyền địa phương", "ngày 19 tháng 6 năm 2015", 2015),
    ("Luật Tiếp công dân", "năm 2013", 2013),
    ("Luật Khiếu nại", "năm 2011", 2011),
    ("Luật Tố cáo", "năm 2018", 2018),
    ("Luật Tiếp cận thông tin", "năm 2016", 2016),
    ("Hiến pháp", "năm 2013", 2013),
)


@dataclass(frozen=True)
class LocalTemplate:
    """A provincial document cited by local plans; ``{T}`` = tỉnh/thành phố, ``{U}`` = Tỉnh ủy/Thành ủy."""

    kind: str
    symbol: str  # number format: {n}
    issuer: str  # gold short form (template)
    subject: str


LOCAL_TEMPLATES: tuple[LocalTemplate, ...] = (
    LocalTemplate("Quyết định", "{n}/QĐ-UBND", "Chủ tịch Ủy ban nhân dân {T}",
                  "về việc ban hành Quy chế văn hóa công vụ tại các cơ quan hành chính nhà nước"),
    LocalTemplate("Chỉ thị", "{n}/CT-UBND", "Chủ tịch UBND {T}",
                  "về tăng cường công tác tiếp công dân, giải quyết khiếu nại, tố cáo"),
    LocalTemplate("Quyết định", "{n}-QĐ/TU", "Ban Thường vụ {U}",
                  "ban hành Quy chế công tác dân vận của hệ thống chính trị"),
    LocalTemplate("Hướng dẫn", "{n}-HD/BDVTU", "Ban Dân vận {U}",
                  "về xây dựng và nhân rộng mô hình “Dân vận khéo”"),
    LocalTemplate("Kế hoạch", "{n}/KH-UBND", "Ủy ban nhân dân {T}",
                  "về thực hiện Quy chế dân chủ ở cơ sở"),
    LocalTemplate("Chương trình phối hợp", "{n}-CTr/BDVTU-BCSD", "Ban Dân vận {U} và Ban cán sự đảng Ủy ban nhân dân {T}",
                  "về thực hiện công tác dân vận chính quyền"),
    LocalTemplate("Công văn", "{n}/UBND-NC", "UBND {T}",
                  "về việc tăng cường công tác dân vận chính quyền"),
    LocalTemplate("Nghị quyết", "{n}/NQ-HĐND", "Hội đồng nhân dân {T}",
                  "về nhiệm vụ phát triển kinh tế - xã hội"),
    LocalTemplate("Kế hoạch phối hợp", "{n}-KH/BCSD-BDVTU", "Ban cán sự đảng Ủy ban nhân dân {T} và Ban Dân vận {U}",
                  "về thực hiện công tác dân vận chính quyền"),
)  # fmt: skip

TOPICS: tuple[str, ...] = (
    "công tác dân vận chính quyền", "công tác cải cách hành chính", "công tác tiếp công dân",
    "công tác chuyển đổi số", "công tác dân số", "phong trào thi đua “Dân vận khéo”",
)  # fmt: skip

PURPOSES: tuple[str, ...] = (
    "Nâng cao nhận thức, trách nhiệm của cấp ủy, chính quyền, người đứng đầu cơ quan, đơn vị về {topic}.",
    "Đổi mới nội dung, phương thức, tác phong công tác của cán bộ, công chức, viên chức; gần dân, trọng dân, hiểu dân, học dân và có trách nhiệm với dân.",
    "Phát huy quyền làm chủ của Nhân dân, tạo sự đồng thuận xã hội, góp phần hoàn thành các chỉ tiêu phát triển kinh tế - xã hội năm {year}.",
    "Xây dựng đội ngũ cán bộ, công chức có phẩm chất đạo đức, năng lực chuyên môn, đáp ứng yêu cầu nhiệm vụ trong tình hình mới.",
)  # fmt: skip
REQUIREMENTS: tuple[str, ...] = (
    "Các cơ quan, đơn vị xây dựng kế hoạch cụ thể, phù hợp với chức năng, nhiệm vụ và tình hình thực tế của địa phương.",
    "Việc triển khai phải bảo đảm thiết thực, hiệu quả, tránh hình thức; gắn với thực hiện nhiệm vụ chính trị của từng cơ quan, đơn vị.",
    "Định kỳ sơ kết, tổng kết, đánh giá kết quả; kịp thời biểu dương, khen thưởng tập thể, cá nhân có thành tích xuất sắc.",
)  # fmt: skip
FILLER_TASKS: tuple[str, ...] = (
    "Đẩy mạnh cải cách hành chính, trọng tâm là cải cách thủ tục hành chính; công khai, minh bạch các thủ tục hành chính tại bộ phận một cửa.",
    "Tăng cường kỷ luật, kỷ cương hành chính; kiên quyết xử lý cán bộ, công chức có hành vi nhũng nhiễu, gây phiền hà cho Nhân dân.",
    "Tổ chức tốt việc tiếp công dân, đối thoại trực tiếp với Nhân dân; giải quyết kịp thời các phản ánh, kiến nghị ngay từ cơ sở, phấn đấu 100% đơn thư được xem xét, xử lý.",
    "Xây dựng và nhân rộng các mô hình, điển hình “Dân vận khéo” trên các lĩnh vực; mỗi cơ quan, đơn vị đăng ký ít nhất 01 mô hình.",
    "Đẩy mạnh ứng dụng công nghệ thông tin, chuyển đổi số trong hoạt động của cơ quan hành chính nhà nước, phấn đấu đạt trên 95% hồ sơ được xử lý trực tuyến.",
)  # fmt: skip
AGENCIES: tuple[str, ...] = ("Sở Nội vụ", "Sở Tư pháp", "Sở Thông tin và Truyền thông", "Sở Tài chính",
                             "Thanh tra tỉnh", "Văn phòng Ủy ban nhân dân tỉnh")  # fmt: skip
DISTRICT_AGENCIES: tuple[str, ...] = ("Phòng Nội vụ", "Phòng Tư pháp", "Phòng Văn hóa và Thông tin",
                                      "Thanh tra huyện", "Văn phòng HĐND và UBND huyện")  # fmt: skip
