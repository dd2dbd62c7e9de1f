"""Paragraphs opening on a shared stem with their sub-arguments are asked with the
category noun they are (``关于“数字治理”，文中提出了哪三个分论点?``), never a bare
``哪三点`` (rubric: PRM, no category noun)."""

from __future__ import annotations

from gen_scoring import list_prompts as _prompts

_TEXT = """数字治理的三重价值

数字技术正深刻改变城市治理的面貌，各地探索层出不穷。

“数字治理”促使公共服务高效化。群众办事从跑多次到跑一次，政务服务效率大幅提升，审批时间明显缩短。

“数字治理”激发社会治理主体多元化。企业、社会组织和居民通过线上平台参与议事，共建共治格局逐步形成。

“数字治理”促使社会治理民主化。网上问政、在线听证让民意表达更加便捷，决策更加科学。

总之，数字治理大有可为，我们要善用数字技术，提升治理效能。
"""


def test_sub_arguments_sharing_a_stem_are_asked_as_sub_arguments() -> None:
    prompt = next(v for k, v in _prompts(_TEXT).items() if "公共服务" in k)
    assert prompt == "关于“数字治理”,文中提出了哪三个分论点?", prompt
